package dev.primary.bench.micro;

/** The benchmark JVMs log warnings only (the store logs each open at INFO, Flyway every migration). */
final class BenchLogging {
    /** JVM option for {@code @Fork(jvmArgsAppend = ...)}: this module's Logback configuration. */
    static final String QUIET = "-Dlogback.configurationFile=dev/primary/bench/micro/logback-micro.xml";

    private BenchLogging() {}
}
