package dev.primary.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.crypto.Ed25519;
import dev.primary.protocol.crypto.KeyFiles;
import dev.primary.protocol.crypto.PublicKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedKeysTest {
    @TempDir
    Path temp;

    @Test
    void configured_files_and_every_pub_file_of_the_folder_are_trusted_once_each() throws IOException {
        PublicKey configured = Ed25519.generate().publicKey();
        PublicKey dropped = Ed25519.generate().publicKey();
        KeyFiles.writePublic(temp.resolve("configured.pub"), configured.encoded());
        KeyFiles.writePublic(temp.resolve("vendors/dropped.pub"), dropped.encoded());
        KeyFiles.writePublic(temp.resolve("vendors/same-again.pub"), configured.encoded());
        Files.writeString(temp.resolve("vendors/readme.txt"), "not a key");

        List<PublicKey> keys = TrustedKeys.read(TrustedKeys.Kind.VENDOR, List.of(temp.resolve("configured.pub")), temp.resolve("vendors"));

        assertThat(keys).containsExactly(configured, dropped);
    }

    @Test
    void a_missing_or_garbled_key_file_is_refused_with_its_name() throws IOException {
        assertThatThrownBy(() -> TrustedKeys.read(TrustedKeys.Kind.VENDOR, List.of(temp.resolve("nope.pub")), temp.resolve("none")))
                .hasMessage("vendor-key file " + temp.resolve("nope.pub") + " does not exist");

        Files.writeString(temp.resolve("bad.pub"), "hello");
        assertThatThrownBy(() -> TrustedKeys.read(TrustedKeys.Kind.VENDOR, List.of(temp.resolve("bad.pub")), temp.resolve("none")))
                .hasMessageStartingWith("vendor-key file " + temp.resolve("bad.pub") + " does not hold an Ed25519 public key");
    }

    @Test
    void release_keys_are_read_the_same_way_and_named_as_release_keys() throws IOException {
        PublicKey dropped = Ed25519.generate().publicKey();
        KeyFiles.writePublic(temp.resolve("release-keys/build.pub"), dropped.encoded());

        assertThat(TrustedKeys.read(TrustedKeys.Kind.RELEASE, List.of(), temp.resolve("release-keys")))
                .containsExactly(dropped);
        assertThatThrownBy(() -> TrustedKeys.read(TrustedKeys.Kind.RELEASE, List.of(temp.resolve("nope.pub")),
                temp.resolve("none"))).hasMessage("release-key file " + temp.resolve("nope.pub") + " does not exist");
        Files.writeString(temp.resolve("release-keys/broken.pub"), "hello");
        assertThatThrownBy(() -> TrustedKeys.read(TrustedKeys.Kind.RELEASE, List.of(), temp.resolve("release-keys")))
                .hasMessageStartingWith("trusted release key file " + temp.resolve("release-keys/broken.pub"));
    }

    @Test
    void the_cached_keys_are_read_again_only_once_they_are_older_than_the_limit() {
        PublicKey first = Ed25519.generate().publicKey();
        PublicKey second = Ed25519.generate().publicKey();
        KeyFiles.writePublic(temp.resolve("release-keys/first.pub"), first.encoded());
        java.util.function.Supplier<List<PublicKey>> hourly = TrustedKeys.cached(TrustedKeys.Kind.RELEASE, List.of(),
                temp.resolve("release-keys"), java.time.Duration.ofHours(1));
        java.util.function.Supplier<List<PublicKey>> always = TrustedKeys.cached(TrustedKeys.Kind.RELEASE, List.of(),
                temp.resolve("release-keys"), java.time.Duration.ZERO);
        assertThat(hourly.get()).containsExactly(first);
        assertThat(always.get()).containsExactly(first);

        KeyFiles.writePublic(temp.resolve("release-keys/second.pub"), second.encoded());

        assertThat(hourly.get()).as("within the hour").containsExactly(first);
        assertThat(always.get()).as("no caching").containsExactly(first, second);
    }
}
