package dev.wgtui.core.hub;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BackupNamesTest {

    @Test
    void backupsOfOneSecondSortNewestFirstByTheirNumberNotAsText() {
        List<String> newestFirst = List.of("wg0.conf.20260301T100001Z.backup", "wg0.conf.20260301T100000Z-10.backup",
                "wg0.conf.20260301T100000Z-3.backup", "wg0.conf.20260301T100000Z-2.backup",
                "wg0.conf.20260301T100000Z.backup", "wg0.conf.20260228T235959Z-11.backup");
        for (long seed = 0; seed < 20; seed++) {
            List<String> shuffled = new ArrayList<>(newestFirst);
            Collections.shuffle(shuffled, new Random(seed));
            shuffled.sort(BackupNames.NEWEST_FIRST);
            assertThat(shuffled).as("seed %d", seed).containsExactlyElementsOf(newestFirst);
        }
    }

    @Test
    void theSequenceNumberOfABackupName() {
        assertThat(BackupNames.sequenceOf("wg0.conf.20260301T100000Z.backup")).isEqualTo(1);
        assertThat(BackupNames.sequenceOf("wg0.conf.20260301T100000Z-10.backup")).isEqualTo(10);
        assertThat(BackupNames.sequenceOf("wg0.conf")).isZero();
        assertThat(BackupNames.hashesOf("wg0.conf")).isEqualTo(".wg0.conf.sha256");
    }
}
