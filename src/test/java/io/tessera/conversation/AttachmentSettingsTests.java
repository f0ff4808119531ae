package io.tessera.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Attachment settings have working defaults and refuse combinations that would break uploads. */
class AttachmentSettingsTests {

    @Test
    void defaultsTo25MegabytesPerFileAnd100PerRequest() {
        AttachmentSettings settings = new AttachmentSettings(null, null, null, null, null);

        assertThat(settings.maxSize()).isEqualTo(DataSize.ofMegabytes(25));
        assertThat(settings.maxRequestSize()).isEqualTo(DataSize.ofMegabytes(100));
        assertThat(settings.directory()).isEqualTo(Path.of("data", "attachments"));
    }

    @Test
    void aRequestLimitBelowTheFileLimitStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> new AttachmentSettings(null, DataSize.ofMegabytes(200), DataSize.ofMegabytes(100), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TESSERA_ATTACHMENT_MAX_REQUEST_SIZE").hasMessageContaining("TESSERA_ATTACHMENT_MAX_SIZE");
        assertThatThrownBy(() -> new AttachmentSettings(null, DataSize.ofBytes(0), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnlimitedRequestSizeIsAllowed() {
        assertThat(new AttachmentSettings(null, DataSize.ofMegabytes(200), DataSize.ofBytes(-1), null, null).maxSize())
                .isEqualTo(DataSize.ofMegabytes(200));
    }

    @Test
    void scanningIsOffUnlessAClamdAddressIsSet() {
        assertThat(new AttachmentSettings(null, null, null, null, null).clamdAddress()).isNull();
        assertThat(new AttachmentSettings(null, null, null, "  ", null).clamdAddress()).isNull();
        AttachmentSettings on = new AttachmentSettings(null, null, null, " 127.0.0.1:3310 ", null);
        assertThat(on.clamdAddress()).isEqualTo("127.0.0.1:3310");
        assertThat(on.clamdTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> new AttachmentSettings(null, null, null, "127.0.0.1:3310", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TESSERA_CLAMD_TIMEOUT");
    }
}
