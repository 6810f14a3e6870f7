package dev.primary.server.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.primary.protocol.admin.AuditEntry;
import dev.primary.protocol.admin.ContentView;
import dev.primary.protocol.admin.ReleaseView;
import dev.primary.protocol.crypto.Base64Url;
import dev.primary.protocol.crypto.SignedDocument;
import dev.primary.protocol.json.Json;
import dev.primary.protocol.message.ProblemType;
import dev.primary.protocol.message.Version;
import dev.primary.protocol.release.Product;
import dev.primary.protocol.release.ReleaseManifest;
import dev.primary.server.PrimaryException;
import dev.primary.server.testing.TestReleaseKey;
import dev.primary.server.testing.UpdatesFixture;
import dev.primary.server.testing.WithUpdatesFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseAdditionTest extends WithUpdatesFixture {
    static final Version V1 = new Version(1, 0, 1);
    static final Version V2 = new Version(1, 2, 345);

    private SignedDocument uploadedAndSigned(Product product, Version version) {
        ReleaseManifest manifest = fixture.manifest(product, version, Version.NONE, false);
        fixture.upload(UpdatesFixture.packageBytes(product, version));
        return fixture.releaseKey.sign(manifest);
    }

    private List<AuditEntry> audit() {
        return fixture.licensing().audit(0, 100);
    }

    @Test
    void a_signed_release_whose_package_is_uploaded_is_added_and_audited() {
        ReleaseView view = releases.addRelease(uploadedAndSigned(Product.RECORDER, V2), "admin");

        assertThat(view.product()).isEqualTo(Product.RECORDER);
        assertThat(view.display()).isEqualTo("V 1.2 (0345)");
        assertThat(view.fileName()).isEqualTo("recorder.jar");
        assertThat(view.signedBy()).isEqualTo(fixture.releaseKey.publicKey().keyId());
        assertThat(view.uploadedAt()).isEqualTo(UpdatesFixture.START);
        assertThat(view.computersRunning()).isZero();
        assertThat(releases.releases()).containsExactly(view);
        assertThat(audit().get(0).action()).isEqualTo("release.added");
        assertThat(audit().get(0).subject()).isEqualTo("recorder V 1.2 (0345)");
        assertThat(audit().get(0).detail()).contains("recorder.jar", view.sha256(), view.signedBy());
    }

    @Test
    void a_release_is_kept_across_a_restart() {
        ReleaseView view = releases.addRelease(uploadedAndSigned(Product.RECORDER, V2), "admin");

        fixture.reopen();

        assertThat(fixture.releases().releases()).containsExactly(view);
    }

    @Test
    void the_same_manifest_added_twice_is_accepted_once() {
        SignedDocument signed = uploadedAndSigned(Product.RECORDER, V2);
        ReleaseView first = releases.addRelease(signed, "admin");

        assertThat(releases.addRelease(signed, "admin")).isEqualTo(first);
        assertThat(releases.releases()).hasSize(1);
        assertThat(audit()).filteredOn(entry -> entry.action().equals("release.added")).hasSize(1);
    }

    @Test
    void an_unsigned_manifest_is_refused() {
        SignedDocument signed = uploadedAndSigned(Product.RECORDER, V2);
        SignedDocument unsigned = new SignedDocument(signed.kind(), signed.keyId(), signed.payload(), "");

        assertRefused(() -> releases.addRelease(unsigned, "admin"), ProblemType.MALFORMED_REQUEST,
                "the release manifest is not signed");
    }

    @Test
    void a_manifest_altered_after_signing_is_refused() {
        SignedDocument signed = uploadedAndSigned(Product.RECORDER, V2);
        ReleaseManifest original = Json.read(signed.unverifiedPayload(), ReleaseManifest.class);
        ReleaseManifest altered = new ReleaseManifest(original.product(), new Version(9, 9, 9), original.fileName(),
                original.size(), original.sha256(), original.minimumClientVersion(), original.notes(),
                original.createdAt(), original.downgrade());
        SignedDocument tampered = new SignedDocument(signed.kind(), signed.keyId(),
                Base64Url.encode(Json.write(altered)), signed.signature());

        assertRefused(() -> releases.addRelease(tampered, "admin"), ProblemType.MALFORMED_REQUEST,
                "the release manifest was refused: release signature does not verify: the document was altered");
        assertThat(releases.releases()).isEmpty();
    }

    @Test
    void a_manifest_signed_by_a_key_the_server_does_not_trust_is_refused() {
        fixture.upload(UpdatesFixture.packageBytes(Product.RECORDER, V2));
        TestReleaseKey stranger = new TestReleaseKey();
        SignedDocument signed = stranger.sign(fixture.manifest(Product.RECORDER, V2, Version.NONE, false));

        assertRefused(() -> releases.addRelease(signed, "admin"), ProblemType.MALFORMED_REQUEST,
                "signed by key " + stranger.publicKey().keyId() + ", which this server does not trust (trusted: ["
                        + fixture.releaseKey.publicKey().keyId() + "])");
    }

    @Test
    void a_release_key_trusted_while_the_server_runs_is_accepted_without_a_restart() {
        fixture.upload(UpdatesFixture.packageBytes(Product.RECORDER, V2));
        TestReleaseKey added = new TestReleaseKey();
        SignedDocument signed = added.sign(fixture.manifest(Product.RECORDER, V2, Version.NONE, false));
        fixture.trustedReleaseKeys.clear();
        assertRefused(() -> releases.addRelease(signed, "admin"), ProblemType.MALFORMED_REQUEST,
                "no release key is configured");

        fixture.trustedReleaseKeys.add(added.publicKey());

        assertThat(releases.addRelease(signed, "admin").signedBy()).isEqualTo(added.publicKey().keyId());
    }

    @Test
    void a_license_file_is_not_taken_for_a_release() {
        SignedDocument license = fixture.vendor.license("XYZ", 1, UpdatesFixture.START, null);

        assertRefused(() -> releases.addRelease(license, "admin"), ProblemType.MALFORMED_REQUEST,
                "the document is of kind \"license\", not a release manifest");
    }

    @Test
    void a_release_whose_package_is_not_uploaded_is_refused() {
        SignedDocument signed = fixture.releaseKey.sign(fixture.manifest(Product.RECORDER, V2, Version.NONE, false));

        assertRefused(() -> releases.addRelease(signed, "admin"), ProblemType.MALFORMED_REQUEST,
                "is not uploaded; upload it first with PUT /admin/v1/packages/");
    }

    @Test
    void a_release_whose_package_is_of_another_size_is_refused() {
        fixture.upload(UpdatesFixture.packageBytes(Product.RECORDER, V2));
        ReleaseManifest right = fixture.manifest(Product.RECORDER, V2, Version.NONE, false);
        ReleaseManifest wrongSize = new ReleaseManifest(right.product(), right.version(), right.fileName(),
                right.size() + 1, right.sha256(), right.minimumClientVersion(), right.notes(), right.createdAt(), false);

        assertRefused(() -> releases.addRelease(fixture.releaseKey.sign(wrongSize), "admin"),
                ProblemType.MALFORMED_REQUEST, "is " + right.size() + " bytes, but the manifest says "
                        + (right.size() + 1) + " bytes");
    }

    @Test
    void a_release_not_newer_than_the_newest_of_its_product_is_refused() {
        fixture.release(Product.RECORDER, V2);

        assertRefused(() -> fixture.release(Product.RECORDER, V1), ProblemType.CONFLICT,
                "release recorder V 1.0 (0001) is not newer than the newest recorder release V 1.2 (0345);"
                        + " only a release signed as a downgrade may be older");
        assertThat(releases.releases()).extracting(ReleaseView::version).containsExactly(V2);
    }

    @Test
    void the_same_version_signed_again_differently_is_refused() {
        fixture.release(Product.RECORDER, V2);
        fixture.clock.advance(java.time.Duration.ofMinutes(1));

        assertRefused(() -> fixture.release(Product.RECORDER, V2), ProblemType.CONFLICT,
                "release recorder V 1.2 (0345) was already added");
    }

    @Test
    void products_are_versioned_apart() {
        fixture.release(Product.RECORDER, V2);

        ReleaseView client = fixture.release(Product.CLIENT_SERVICE, V1);

        assertThat(client.product()).isEqualTo(Product.CLIENT_SERVICE);
        assertThat(releases.releases()).extracting(ReleaseView::product)
                .containsExactly(Product.RECORDER, Product.CLIENT_SERVICE);
    }

    @Test
    void an_older_release_signed_as_a_downgrade_is_accepted() {
        fixture.release(Product.RECORDER, V2);

        ReleaseView downgrade = fixture.release(fixture.manifest(Product.RECORDER, V1, Version.NONE, true));

        assertThat(downgrade.downgrade()).isTrue();
        assertThat(releases.releases()).extracting(ReleaseView::version).containsExactly(V2, V1);
        assertThat(audit().get(0).detail()).endsWith("signed downgrade");
    }

    @Test
    void content_revisions_must_increase_and_are_listed_newest_first() {
        ContentView first = fixture.content(3);
        ContentView second = fixture.content(4);
        assertThat(fixture.content(4)).as("the same manifest again is accepted once").isEqualTo(second);
        fixture.clock.advance(java.time.Duration.ofMinutes(1));

        assertRefused(() -> fixture.content(4), ProblemType.CONFLICT,
                "content revision 4 is not newer than the latest revision 4");
        assertRefused(() -> fixture.content(2), ProblemType.CONFLICT,
                "content revision 2 is not newer than the latest revision 4");
        assertThat(releases.contents()).containsExactly(second, first);
        assertThat(second.fileName()).isEqualTo("signatures.dat");
        assertThat(second.signedBy()).isEqualTo(fixture.releaseKey.publicKey().keyId());
        assertThat(audit()).filteredOn(entry -> entry.action().equals("content.added"))
                .extracting(AuditEntry::subject).containsExactly("content 4", "content 3");
    }

    @Test
    void a_content_manifest_is_not_taken_for_a_release_nor_the_other_way_round() {
        SignedDocument release = uploadedAndSigned(Product.RECORDER, V2);

        assertRefused(() -> releases.addContent(release, "admin"), ProblemType.MALFORMED_REQUEST,
                "the document is of kind \"release\", not a content manifest");
    }

    private static void assertRefused(Runnable action, ProblemType type, String message) {
        assertThatThrownBy(action::run).isInstanceOf(PrimaryException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((PrimaryException) e).problemType()).isEqualTo(type));
    }
}
