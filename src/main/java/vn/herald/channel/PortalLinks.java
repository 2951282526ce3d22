package vn.herald.channel;

import vn.herald.content.Piece;

import java.util.Optional;

/**
 * The page of a piece on the built-in portal, when the piece goes there too, so that a post on another channel
 * can send readers to the whole text. Publishing knows where a piece goes; adapters only ask.
 */
public interface PortalLinks {

    /** The public URL of the piece's portal page, or empty when the piece is not (or no longer) on the portal. */
    Optional<String> pageOf(Piece piece);
}
