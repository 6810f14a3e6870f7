package dev.primary.client.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines that run a main class of this module in a new JVM, with the test class path. */
public final class JavaCommand {
    private JavaCommand() {}

    public static List<String> of(Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx64m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return command;
    }
}
