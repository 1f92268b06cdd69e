package dev.wgtui.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a 10,000-peer hub config and a matching small inventory into a directory, for timing
 * the whole process end to end: {@code java -cp target/test-classes:target/classes
 * dev.wgtui.bench.GenerateHub DIR} then {@code hyperfine "./wgtui -i DIR/inventory.yml --local
 * DIR/wg0.conf --preview DIR/preview diff node04242"}.
 */
public final class GenerateHub {

    private GenerateHub() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-hub");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("wg0.conf"), CoreBenchmark.hub(CoreBenchmark.PEERS, 42));
        Files.writeString(dir.resolve("inventory.yml"), """
                all:
                  children:
                    control_plane:
                      hosts:
                        hub: {wireguard_ip: 10.0.0.1}
                    workers:
                      hosts:
                        node04242: {wireguard_ip: 10.0.16.244, wireguard_public_key: "lI0H8Cxnm3JoZz8oYVP3jN7L0m5kB3pzWkq4h3h6h0E="}
                        zz-new: {wireguard_ip: 10.0.200.2, wireguard_public_key: "Enf+hoH/jWtZLBIoXuK8nqgd6F6m2iL/m3feMuENuW0="}
                """);
        System.out.println(dir.toAbsolutePath());
    }
}
