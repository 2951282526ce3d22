package vn.herald.content;

/** What an uploaded file is for: a piece's cover, an infographic's image, a radio piece's recording, or a figure in the text. */
public enum AssetRole { COVER, IMAGE, AUDIO, FIGURE }
