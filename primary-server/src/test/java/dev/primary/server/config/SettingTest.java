package dev.primary.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.primary.protocol.admin.LogLevel;
import dev.primary.protocol.time.Durations;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingTest {
    @Test
    void every_default_is_a_value_of_the_kind_its_setting_declares() {
        for (Setting setting : Setting.values()) {
            String value = setting.defaultValue();
            if (value.isEmpty()) {
                continue;
            }
            assertThatCode(() -> requireOfKind(setting.kind(), value))
                    .as("%s's default \"%s\" is a %s", setting.key(), value, setting.kind())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void a_value_of_another_kind_is_told_apart() {
        assertThatCode(() -> requireOfKind(Setting.Kind.DURATION, "20")).isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> requireOfKind(Setting.Kind.DURATION, "1KiB")).isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> requireOfKind(Setting.Kind.NUMBER, "60s")).isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> requireOfKind(Setting.Kind.BOOLEAN, "20")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_kinds_that_take_a_path_or_a_name_have_no_default_to_check_but_their_own_label() {
        for (Setting setting : Setting.values()) {
            if (Set.of(Setting.Kind.FILE, Setting.Kind.JDBC_URL, Setting.Kind.USER).contains(setting.kind())) {
                assertThat(setting.defaultValue()).as(setting.key()).isEmpty();
            }
        }
        assertThat(Setting.STORE_PASSWORD_FILE.kind()).isEqualTo(Setting.Kind.FILE);
    }

    /** @throws IllegalArgumentException when {@code value} is not a value of {@code kind} */
    private static void requireOfKind(Setting.Kind kind, String value) {
        switch (kind) {
            case NUMBER -> Integer.parseInt(value);
            case NUMBER_OR_AUTO -> {
                if (!value.equals("auto")) {
                    Integer.parseInt(value);
                }
            }
            case DURATION -> {
                if (!value.equals("0")) {
                    Durations.parse(value);
                }
            }
            case SIZE -> ByteSize.parse(value);
            case BOOLEAN -> {
                if (!value.equals("true") && !value.equals("false")) {
                    throw new IllegalArgumentException("not true or false: " + value);
                }
            }
            case LEVEL -> LogLevel.fromWire(value);
            case STORE_KIND -> {
                if (!value.equals("sqlite") && !value.equals("postgresql")) {
                    throw new IllegalArgumentException("not a store: " + value);
                }
            }
            case ADDRESS, DIRECTORY, FILE, JDBC_URL, USER -> {
                if (value.isBlank()) {
                    throw new IllegalArgumentException("blank");
                }
            }
        }
    }
}
