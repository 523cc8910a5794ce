package io.kubeclaw.api.events;

/**
 * A message to a running run, published on its {@code run.<run>.inbound} subject and handed to the agent as a
 * file in {@code /ipc/inbound/}.
 *
 * @param kind     {@code approval} (answers a tool call that waits for one) or {@code message} (a follow-up)
 * @param callId   for an approval: the tool call it answers
 * @param approved for an approval: whether the call may run
 * @param text     for a message: its text; for an approval: an optional reason
 * @param from     who sent it, for the audit trail
 */
public record InboundMessage(int version, String kind, String callId, Boolean approved, String text, String from) {

    public static final int VERSION = 1;
    public static final String APPROVAL = "approval";
    public static final String MESSAGE = "message";

    public static InboundMessage approval(String callId, boolean approved, String from) {
        return new InboundMessage(VERSION, APPROVAL, callId, approved, null, from);
    }

    public boolean isApprovalOf(String toolCallId) {
        return APPROVAL.equals(kind) && toolCallId.equals(callId);
    }
}
