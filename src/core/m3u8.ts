/**
 * The files an HLS playlist names (RFC 8216): each URI line (variant playlists in a master playlist, segments in a
 * media playlist) and each `URI="…"` attribute of a tag (renditions, init segments, keys, I-frame playlists), in the
 * order written, each once. Untrusted input: anything else in the text is ignored.
 */
export function playlistReferences(text: string): string[] {
  const found = new Set<string>();
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (!line.startsWith('#')) found.add(line);
    else if (line.startsWith('#EXT')) for (const match of line.matchAll(/[:,]URI="([^"]*)"/g)) if (match[1]) found.add(match[1]);
  }
  return [...found];
}

/** Whether a media source is an HLS playlist (by its type, else by its extension). */
export function isPlaylist(src: string, type?: string): boolean {
  return type === 'application/vnd.apple.mpegurl' || /\.m3u8$/i.test(src.split(/[?#]/)[0]!);
}
