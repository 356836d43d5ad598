package io.huida.server.chat;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentsTest {

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void typesComeFromTheFirstBytes() {
        assertThat(Attachments.sniff(AttachmentIT.PNG)).contains("image/png");
        assertThat(Attachments.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0))).contains("image/jpeg");
        assertThat(Attachments.sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII))).contains("image/gif");
        assertThat(Attachments.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).contains("image/webp");
        assertThat(Attachments.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains("application/pdf");
        assertThat(Attachments.sniff("<svg onload=alert(1)>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(Attachments.sniff("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(Attachments.sniff(bytes(0xFF))).isEmpty();
    }

    @Test
    void namesLoseTheirPathAndMarkup() {
        assertThat(Attachments.safeName("C:\\\\Users\\\\a\\\\发票.pdf")).isEqualTo("发票.pdf");
        assertThat(Attachments.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Attachments.safeName("<img src=x>.png")).isEqualTo("img src=x.png");
        assertThat(Attachments.safeName(null)).isEqualTo("file");
        assertThat(Attachments.safeName("a".repeat(300) + ".png")).hasSize(120).endsWith(".png");
    }
}
