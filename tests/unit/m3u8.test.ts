import { describe, expect, it } from 'vitest';
import { isPlaylist, playlistReferences } from '../../src/core/m3u8.ts';

describe('playlistReferences', () => {
  it('lists the variant playlists and the renditions of a master playlist, once each', () => {
    const master = [
      '#EXTM3U',
      '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="a",NAME="Français",LANGUAGE="fr",DEFAULT=YES,URI="audio/index.m3u8"',
      '#EXT-X-STREAM-INF:BANDWIDTH=255200,RESOLUTION=640x360,CODECS="avc1.4d4016,mp4a.40.2",AUDIO="a"',
      '360p/index.m3u8',
      '',
      '#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=9000,URI="360p/iframes.m3u8"',
      '#EXT-X-STREAM-INF:BANDWIDTH=915200,RESOLUTION=1280x720',
      '720p/index.m3u8',
      '#EXT-X-STREAM-INF:BANDWIDTH=915200',
      '720p/index.m3u8',
    ].join('\r\n');
    expect(playlistReferences(master)).toEqual(['audio/index.m3u8', '360p/index.m3u8', '360p/iframes.m3u8', '720p/index.m3u8']);
  });
  it('lists the init segment and the segments of a media playlist, comments aside', () => {
    const media = '#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXT-X-MAP:URI="init_1.mp4"\n# a comment URI="no.mp4"\n#EXTINF:6.0,\n000.m4s\n#EXTINF:6.0,\n001.m4s\n#EXT-X-ENDLIST\n';
    expect(playlistReferences(media)).toEqual(['init_1.mp4', '000.m4s', '001.m4s']);
  });
  it('tells a playlist by its type or its extension', () => {
    expect(isPlaylist('../media/x/hls/master.m3u8')).toBe(true);
    expect(isPlaylist('stream?id=3', 'application/vnd.apple.mpegurl')).toBe(true);
    expect(isPlaylist('../media/x.webm', 'video/webm')).toBe(false);
  });
});
