package io.huida.server.chat;

import io.huida.server.conversation.ChatEntry;
import io.huida.server.conversation.ConversationService;
import io.huida.server.identity.VisitorTokens;
import io.huida.server.knowledge.NotFoundException;
import io.huida.server.workspace.WorkspaceService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Files and images in the chat: visitors upload with their token ({@code POST /api/v1/bot/attachments}) and fetch
 * their conversation's files with {@code ?token=}; agents send files to conversations they own and fetch those of
 * conversations they may open.
 */
@RestController
class AttachmentController {

    private final Attachments attachments;
    private final ConversationService conversations;
    private final VisitorTokens tokens;
    private final WorkspaceService workspace;

    AttachmentController(Attachments attachments, ConversationService conversations, VisitorTokens tokens,
                         WorkspaceService workspace) {
        this.attachments = attachments;
        this.conversations = conversations;
        this.tokens = tokens;
        this.workspace = workspace;
    }

    /** What an upload stored: the file and the message that carries it. */
    record Uploaded(String id, String name, String contentType, long size, long seq) {
    }

    @PostMapping(path = "/api/v1/bot/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Uploaded upload(@RequestPart("file") MultipartFile file, Authentication who) throws IOException {
        String name = who.getName();
        if (!name.startsWith("visitor:")) {
            throw new AccessDeniedException("files are sent by chat visitors (X-Visitor-Token)");
        }
        if (file.getSize() > Attachments.MAX_BYTES) {
            throw new IllegalArgumentException("the file has " + file.getSize() + " bytes, more than " + Attachments.MAX_BYTES);
        }
        String conversation = name.substring("visitor:".length());
        Attachments.Attachment a = attachments.store(conversation, name, file.getOriginalFilename(), file.getBytes());
        ChatEntry e = conversations.postAttachment(conversation, name, a.label(), a.id(), Instant.now());
        return new Uploaded(a.id(), a.name(), a.contentType(), a.size(), e.seq());
    }

    /** An agent sends a file or image to the customer of a conversation they own; it arrives like a message. */
    @PostMapping(path = "/api/v1/agent/conversations/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ChatEntry agentUpload(@PathVariable String id, @RequestPart("file") MultipartFile file, Authentication who)
            throws IOException {
        conversations.requireOwner(id, who.getName()); // before anything is stored
        if (file.getSize() > Attachments.MAX_BYTES) {
            throw new IllegalArgumentException("the file has " + file.getSize() + " bytes, more than " + Attachments.MAX_BYTES);
        }
        Attachments.Attachment a = attachments.store(id, who.getName(), file.getOriginalFilename(), file.getBytes());
        return conversations.postAgentAttachment(id, who.getName(), a.label(), a.id(), Instant.now());
    }

    @GetMapping("/api/v1/bot/attachments/{id}")
    ResponseEntity<byte[]> forVisitor(@PathVariable String id, @RequestParam String token) {
        Attachments.Attachment a = attachments.find(id).orElseThrow(() -> new NotFoundException("no attachment '" + id + "'"));
        String conversation = tokens.verify(token).orElseThrow(() -> new AccessDeniedException("invalid visitor token"));
        if (!conversation.equals(a.conversationId())) {
            throw new AccessDeniedException("attachment '" + id + "' belongs to another conversation");
        }
        return serve(a);
    }

    @GetMapping("/api/v1/agent/attachments/{id}")
    ResponseEntity<byte[]> forAgent(@PathVariable String id, Authentication who) {
        Attachments.Attachment a = attachments.find(id).orElseThrow(() -> new NotFoundException("no attachment '" + id + "'"));
        boolean supervisor = who.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals("ROLE_SUPERVISOR")
                || g.getAuthority().equals("ROLE_ADMIN"));
        if (!workspace.canView(a.conversationId(), who.getName(), supervisor)) {
            throw new AccessDeniedException("attachment '" + id + "' belongs to another team's conversation");
        }
        return serve(a);
    }

    private ResponseEntity<byte[]> serve(Attachments.Attachment a) {
        ContentDisposition disposition = (a.image() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(a.name(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .body(attachments.read(a));
    }
}
