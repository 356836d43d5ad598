package io.huida.server.chat;

/** Short-lived chat signals, not stored: typing and read receipts between the visitor and the agent. */
final class ChatSignals {

    private ChatSignals() {
    }

    /** {@code sender} ({@code customer} or {@code agent}) is typing in the conversation. */
    record Typing(String conversationId, String sender) {
    }

    /** {@code reader} ({@code customer} or {@code agent}) has read the conversation up to {@code seq}. */
    record Read(String conversationId, String reader, long seq) {
    }
}
