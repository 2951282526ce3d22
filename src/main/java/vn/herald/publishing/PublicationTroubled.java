package vn.herald.publishing;

/**
 * Published inside the transaction that moves a publication to NEEDS_ATTENTION or EXPIRED: it will not go out
 * unless a person acts, so the unit's editors are told.
 */
public record PublicationTroubled(long publicationId, long pieceId, String channelId, String unitCode,
                                  PublicationStatus status) {}
