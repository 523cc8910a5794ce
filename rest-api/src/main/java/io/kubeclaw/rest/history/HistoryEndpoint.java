package io.kubeclaw.rest.history;

import io.kubeclaw.api.v1alpha1.KubeClaw;
import io.kubeclaw.rest.auth.Access;
import io.kubeclaw.rest.auth.Authorizer;
import io.kubeclaw.rest.problem.Problem;
import io.kubeclaw.rest.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The run history and the conversations, from PostgreSQL: what happened, also after the AgentRuns are gone.
 * Reading a namespace's history needs {@code list agentruns} there; reading a conversation needs {@code get} on
 * its instance.
 */
@RequestScoped
@Path("/")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "history", description = "Run history and conversations, kept in PostgreSQL after the AgentRuns are deleted")
public class HistoryEndpoint {

    private static final int MAX_PAGE = 1000;

    @Inject
    Authorizer authorizer;
    @Inject
    HistoryDatabase database;
    @PersistenceContext(unitName = "kubeclaw")
    EntityManager entities;

    @GET
    @Path("runs")
    @Operation(summary = "Search the run history of every namespace (needs list agentruns cluster-wide), newest first")
    public List<RunHistoryEntry> allRuns(@QueryParam("instance") String instance, @QueryParam("phase") String phase,
                                         @Parameter(description = "RFC 3339 time; runs created at or after it") @QueryParam("since") String since,
                                         @Parameter(description = "RFC 3339 time; runs created before it") @QueryParam("until") String until,
                                         @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
        return runs(null, instance, phase, since, until, limit, offset);
    }

    @GET
    @Path("namespaces/{namespace}/history/runs")
    @Operation(summary = "Search the run history of a namespace by instance, phase and time, newest first")
    public List<RunHistoryEntry> namespaceRuns(@PathParam("namespace") String namespace, @QueryParam("instance") String instance,
                                               @QueryParam("phase") String phase,
                                               @Parameter(description = "RFC 3339 time; runs created at or after it") @QueryParam("since") String since,
                                               @Parameter(description = "RFC 3339 time; runs created before it") @QueryParam("until") String until,
                                               @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
        return runs(namespace, instance, phase, since, until, limit, offset);
    }

    @GET
    @Path("namespaces/{namespace}/sessions")
    @Operation(summary = "The conversations of an instance (needs get on it), most recent first")
    public List<SessionSummary> sessions(@PathParam("namespace") String namespace,
                                         @Parameter(required = true) @QueryParam("instance") String instance,
                                         @QueryParam("limit") @DefaultValue("100") int limit) {
        if (instance == null || instance.isBlank()) {
            throw ProblemException.badRequest("name the instance whose conversations to list: ?instance=<name>");
        }
        authorizer.require(Access.kubeclaw("get", "clawinstances", namespace, instance));
        database.requireAvailable();
        TypedQuery<Conversation> query = entities.createQuery("SELECT c FROM Conversation c WHERE c.namespace = :namespace AND c.instance = :instance"
                        + OF_NAMESPACE_NOW + " ORDER BY c.updatedAt DESC, c.id DESC", Conversation.class)
                .setParameter("namespace", namespace).setParameter("instance", instance);
        return ofNamespaceNow(query, namespace).setMaxResults(pageSize(limit)).getResultList().stream().map(Conversation::view).toList();
    }

    @GET
    @Path("namespaces/{namespace}/sessions/{id}/messages")
    @Operation(summary = "The transcript of a conversation, oldest first (needs get on its instance)")
    public List<TranscriptLine> transcript(@PathParam("namespace") String namespace, @PathParam("id") long id) {
        database.requireAvailable();
        List<Conversation> found = ofNamespaceNow(entities.createQuery("SELECT c FROM Conversation c WHERE c.id = :id AND c.namespace = :namespace"
                + OF_NAMESPACE_NOW, Conversation.class).setParameter("id", id).setParameter("namespace", namespace), namespace).getResultList();
        // Existence is only revealed to callers who may read it: the check is on the instance it belongs to.
        if (found.isEmpty()) {
            authorizer.require(Access.kubeclaw("list", "clawinstances", namespace, null));
            throw ProblemException.notFound("no conversation " + id + " in namespace \"" + namespace + "\"");
        }
        authorizer.require(Access.kubeclaw("get", "clawinstances", namespace, found.getFirst().instance()));
        return entities.createQuery("SELECT m FROM ConversationMessage m WHERE m.conversationId = :id ORDER BY m.sentAt, m.id",
                ConversationMessage.class).setParameter("id", id).getResultList().stream().map(ConversationMessage::view).toList();
    }

    /**
     * Conversations of the namespace as it is now, or of none when it is gone: one made again under the same name does
     * not see those of the one before (rows older than namespace UIDs have '').
     */
    private static final String OF_NAMESPACE_NOW = " AND (:namespaceUid = '' OR c.namespaceUid IN (:namespaceUid, ''))";

    private <T> TypedQuery<T> ofNamespaceNow(TypedQuery<T> query, String namespace) {
        return query.setParameter("namespaceUid", database.namespaceUid(namespace).orElse(""));
    }

    private List<RunHistoryEntry> runs(String namespace, String instance, String phase, String since, String until, int limit, int offset) {
        authorizer.require(new Access("list", KubeClaw.GROUP, "agentruns", null, namespace, null));
        database.requireAvailable();
        if (offset < 0) {
            throw ProblemException.badRequest("offset must not be negative");
        }
        StringBuilder jpql = new StringBuilder("SELECT r FROM RunRecord r WHERE 1 = 1");
        Optional<String> namespaceUid = namespace == null ? Optional.empty() : database.namespaceUid(namespace);
        if (namespace != null) {
            jpql.append(" AND r.namespace = :namespace");
        }
        if (namespaceUid.isPresent()) {
            // The namespace as it is now: rows of an earlier namespace of the same name are not its history.
            jpql.append(" AND r.namespaceUid IN (:namespaceUid, '')");
        }
        if (instance != null) {
            jpql.append(" AND r.instance = :instance");
        }
        if (phase != null) {
            jpql.append(" AND r.phase = :phase");
        }
        if (since != null) {
            jpql.append(" AND r.createdAt >= :since");
        }
        if (until != null) {
            jpql.append(" AND r.createdAt < :until");
        }
        TypedQuery<RunRecord> query = entities.createQuery(jpql.append(" ORDER BY r.createdAt DESC, r.uid").toString(), RunRecord.class);
        if (namespace != null) {
            query.setParameter("namespace", namespace);
        }
        namespaceUid.ifPresent(uid -> query.setParameter("namespaceUid", uid));
        if (instance != null) {
            query.setParameter("instance", instance);
        }
        if (phase != null) {
            query.setParameter("phase", phase);
        }
        if (since != null) {
            query.setParameter("since", time("since", since));
        }
        if (until != null) {
            query.setParameter("until", time("until", until));
        }
        return query.setFirstResult(offset).setMaxResults(pageSize(limit)).getResultList().stream().map(RunRecord::view).toList();
    }

    private static int pageSize(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_PAGE + ", not " + limit);
        }
        return limit;
    }

    private static OffsetDateTime time(String parameter, String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(parameter + " must be an RFC 3339 time such as 2026-11-24T10:00:00Z, not \"" + value + "\"");
        }
    }
}
