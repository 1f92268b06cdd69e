package dev.wgtui.testbed;

/** The testbed could not be built, used or torn down; the message says what ran and what it printed. */
public class TestbedException extends RuntimeException {

    public TestbedException(String message) {
        super(message);
    }
}
