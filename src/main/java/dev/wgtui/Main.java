package dev.wgtui;

public final class Main {
    public static void main(String[] args) {
        // First: slf4j-simple reads its settings when the first logger is made.
        LogSetup.init(LogSetup.defaultLogFile());
        System.out.println("wgtui");
    }
}
