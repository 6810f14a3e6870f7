package dev.primary.client.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NudgeSourcesTest {
    private final Map<String, List<InetAddress>> dns = new ConcurrentHashMap<>();
    private final List<String> lookups = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final NudgeSources sources = new NudgeSources(this::resolve, nanos::get);

    @Test
    void only_the_addresses_of_the_configured_server_and_the_extra_sources_may_nudge() throws Exception {
        dns.put("primary.corp", List.of(address("10.0.0.5"), address("10.0.0.6")));
        dns.put("primary-2.corp", List.of(address("10.0.0.7")));

        sources.trust(List.of("primary.corp", "primary-2.corp"));

        assertThat(sources.admits(address("10.0.0.5"))).isTrue();
        assertThat(sources.admits(address("10.0.0.6"))).isTrue();
        assertThat(sources.admits(address("10.0.0.7"))).isTrue();
        assertThat(sources.admits(address("10.0.0.8"))).isFalse();
        assertThat(sources.admits(address("127.0.0.1"))).isFalse();
    }

    @Test
    void a_repointed_configuration_replaces_the_trusted_addresses() throws Exception {
        dns.put("old.corp", List.of(address("10.0.0.5")));
        dns.put("new.corp", List.of(address("10.0.1.5")));
        sources.trust(List.of("old.corp"));

        sources.trust(List.of("new.corp"));

        assertThat(sources.admits(address("10.0.1.5"))).isTrue();
        assertThat(sources.admits(address("10.0.0.5"))).isFalse();
    }

    @Test
    void a_stranger_makes_the_names_be_resolved_again_at_most_once_a_minute() throws Exception {
        dns.put("primary.corp", List.of(address("10.0.0.5")));
        sources.trust(List.of("primary.corp"));
        dns.put("primary.corp", List.of(address("10.0.0.9")));

        assertThat(sources.admits(address("10.0.0.9"))).isFalse();
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(sources.admits(address("10.0.0.66"))).isFalse();
        assertThat(sources.admits(address("10.0.0.66"))).isFalse();
        assertThat(sources.admits(address("10.0.0.9"))).isTrue();

        assertThat(lookups).containsExactly("primary.corp", "primary.corp");
    }

    @Test
    void a_name_that_cannot_be_resolved_at_start_is_resolved_at_a_later_nudge() throws Exception {
        sources.trustSoon(List.of("primary.corp"));
        sources.resolvePending();
        assertThat(sources.addresses()).isEmpty();

        dns.put("primary.corp", List.of(address("10.0.0.5")));
        nanos.addAndGet(Duration.ofMinutes(2).toNanos());

        assertThat(sources.admits(address("10.0.0.5"))).isTrue();
    }

    @Test
    void names_given_for_later_are_resolved_by_the_first_nudge_if_the_listener_has_not_yet() throws Exception {
        dns.put("primary.corp", List.of(address("10.0.0.5")));
        sources.trustSoon(List.of("primary.corp"));

        assertThat(lookups).isEmpty();
        assertThat(sources.admits(address("10.0.0.5"))).isTrue();
    }

    private List<InetAddress> resolve(String host) throws UnknownHostException {
        lookups.add(host);
        List<InetAddress> addresses = dns.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host + ": Name or service not known");
        }
        return addresses;
    }

    private static InetAddress address(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
