package dev.primary.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.primary.protocol.crypto.Sha256;
import dev.primary.protocol.message.Version;
import dev.primary.server.config.ServerConfiguration;
import dev.primary.testkit.Eventually;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 MB package goes up and comes back down (a range of it) over real HTTPS through the real server, and the
 * server's memory stays flat: heap used after a GC, measured halfway through each transfer (when a server that
 * buffered the body would hold 100 MB of it), stays within 32 MB of what it was before. The package is generated
 * on the fly, never stored in the repository.
 */
class LargePackageMemoryTest {
    private static final long SIZE = 200L * 1024 * 1024;
    private static final long HALF = SIZE / 2;
    private static final long RANGE_START = 12_345;
    private static final long MAX_HEAP_GROWTH = 32L * 1024 * 1024;
    private static final long MAX_DIRECT_GROWTH = 64L * 1024 * 1024;
    private static final int BLOCK = 64 * 1024;

    @TempDir
    Path dataDirectory;

    @Test
    void a_200_mb_upload_and_ranged_download_keep_the_servers_memory_flat() throws Exception {
        String sha256 = digestOf(0, SIZE);
        try (LiveServer live = LiveServer.startLicensed(ServerConfiguration.onFreeLoopbackPorts(dataDirectory))) {
            Memory before = Memory.now();

            Memory midUpload = upload(live, sha256);
            assertThat(live.admin.postJson("/admin/v1/releases",
                    LiveServer.json(live.releaseManifest(sha256, SIZE, new Version(2, 0, 1))), live.bearer())
                    .statusCode()).isEqualTo(201);
            Memory midDownload = downloadRange(live, sha256);

            System.out.printf("200 MB package: heap used after GC %d MB before, %d MB halfway through the upload, "
                    + "%d MB halfway through the download; Netty direct memory %d / %d / %d MB%n",
                    before.heap() >> 20, midUpload.heap() >> 20, midDownload.heap() >> 20,
                    before.direct() >> 20, midUpload.direct() >> 20, midDownload.direct() >> 20);
            assertThat(midUpload.heap() - before.heap()).as("heap growth during the upload").isLessThan(MAX_HEAP_GROWTH);
            assertThat(midDownload.heap() - before.heap()).as("heap growth during the download")
                    .isLessThan(MAX_HEAP_GROWTH);
            assertThat(midUpload.direct() - before.direct()).as("direct memory growth during the upload")
                    .isLessThan(MAX_DIRECT_GROWTH);
            assertThat(midDownload.direct() - before.direct()).as("direct memory growth during the download")
                    .isLessThan(MAX_DIRECT_GROWTH);
        }
    }

    /** Streams the package up, measuring memory when half of it is on the server's disk. */
    private Memory upload(LiveServer live, String sha256) throws Exception {
        try (SSLSocket socket = live.rawAdminConnection()) {
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            LiveServer.writeHead(out, "PUT /admin/v1/packages/" + sha256 + " HTTP/1.1\nHost: x\n" + live.bearer()[0]
                    + ": " + live.bearer()[1] + "\nContent-Type: application/octet-stream\nContent-Length: " + SIZE + "\n");
            write(out, 0, HALF);
            Path packages = dataDirectory.resolve("packages");
            Eventually.within(Duration.ofSeconds(60), () -> assertThat(temporaryUploadSize(packages))
                    .isGreaterThan(HALF - 4L * 1024 * 1024));
            Memory midway = Memory.now();
            write(out, HALF, SIZE);
            String answer = LiveServer.readAnswer(socket.getInputStream(), 4096);
            assertThat(answer).startsWith("HTTP/1.1 201 ");
            return midway;
        }
    }

    /** Fetches the package from {@link #RANGE_START} on, measuring memory halfway, and checks every byte's digest. */
    private Memory downloadRange(LiveServer live, String sha256) throws Exception {
        HttpResponse<InputStream> response = live.download(sha256, HttpResponse.BodyHandlers.ofInputStream(),
                "Range", "bytes=" + RANGE_START + "-");
        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.headers().firstValue("Content-Range"))
                .hasValue("bytes " + RANGE_START + "-" + (SIZE - 1) + "/" + SIZE);
        MessageDigest digest = Sha256.digest();
        Memory midway;
        try (InputStream in = response.body()) {
            read(in, digest, HALF);
            midway = Memory.now();
            read(in, digest, SIZE - RANGE_START - HALF);
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(digestOf(RANGE_START, SIZE));
        return midway;
    }

    private static long temporaryUploadSize(Path packages) throws Exception {
        try (var files = Files.list(packages)) {
            return files.filter(file -> file.getFileName().toString().startsWith(".upload-"))
                    .mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static void read(InputStream in, MessageDigest digest, long count) throws Exception {
        byte[] buffer = new byte[BLOCK];
        long left = count;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            assertThat(read).as("bytes left " + left).isPositive();
            digest.update(buffer, 0, read);
            left -= read;
        }
    }

    private static void write(OutputStream out, long from, long to) throws Exception {
        byte[] block = new byte[BLOCK];
        for (long position = from; position < to; position += BLOCK) {
            int length = (int) Math.min(BLOCK, to - position);
            fill(block, position, length);
            out.write(block, 0, length);
        }
        out.flush();
    }

    private static String digestOf(long from, long to) {
        MessageDigest digest = Sha256.digest();
        byte[] block = new byte[BLOCK];
        for (long position = from; position < to; position += BLOCK) {
            int length = (int) Math.min(BLOCK, to - position);
            fill(block, position, length);
            digest.update(block, 0, length);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The package's bytes, a function of their position, so any range of it can be checked. */
    private static void fill(byte[] block, long position, int length) {
        for (int i = 0; i < length; i++) {
            long p = position + i;
            block[i] = (byte) ((p * 2654435761L) >>> 13 ^ p >>> 8);
        }
    }

    /** Heap used after a full GC, and Netty's direct memory in use. */
    private record Memory(long heap, long direct) {
        static Memory now() throws InterruptedException {
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(100);
            }
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long direct = ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider metrics
                    ? metrics.metric().usedDirectMemory() : 0;
            return new Memory(heap, direct);
        }
    }
}
