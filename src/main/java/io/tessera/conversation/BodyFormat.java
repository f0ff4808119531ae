package io.tessera.conversation;

/** How a message body is written: plain text (imports, plain emails), Markdown (agents), or HTML (email). */
public enum BodyFormat {
    TEXT, MARKDOWN, HTML
}
