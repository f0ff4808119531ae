package io.tessera.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Attachment settings have working defaults and refuse combinations that would break uploads. */
class AttachmentSettingsTests {

    @Test
    void defaultsTo25MegabytesPerFileAnd100PerRequest() {
        AttachmentSettings settings = new AttachmentSettings(null, null, null);

        assertThat(settings.maxSize()).isEqualTo(DataSize.ofMegabytes(25));
        assertThat(settings.maxRequestSize()).isEqualTo(DataSize.ofMegabytes(100));
        assertThat(settings.directory()).isEqualTo(Path.of("data", "attachments"));
    }

    @Test
    void aRequestLimitBelowTheFileLimitStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> new AttachmentSettings(null, DataSize.ofMegabytes(200), DataSize.ofMegabytes(100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TESSERA_ATTACHMENT_MAX_REQUEST_SIZE").hasMessageContaining("TESSERA_ATTACHMENT_MAX_SIZE");
        assertThatThrownBy(() -> new AttachmentSettings(null, DataSize.ofBytes(0), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnlimitedRequestSizeIsAllowed() {
        assertThat(new AttachmentSettings(null, DataSize.ofMegabytes(200), DataSize.ofBytes(-1)).maxSize())
                .isEqualTo(DataSize.ofMegabytes(200));
    }
}
