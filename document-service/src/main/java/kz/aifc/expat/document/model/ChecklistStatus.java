package kz.aifc.expat.document.model;

/** Where the document review of an application stands. */
public enum ChecklistStatus {
    /** The company uploads and officers review the current round. */
    OPEN,
    /** The officer finished a round with rejections; the next upload opens a new round. */
    CHANGES_REQUESTED,
    /** Every mandatory requirement has an approved document ({@code documents.approved} was published). */
    APPROVED,
    /** The application was withdrawn, rejected, cancelled or completed: read-only until retention deletes it. */
    CLOSED
}
