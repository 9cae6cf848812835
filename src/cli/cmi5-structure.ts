/**
 * The course structure of a cmi5 package (`cmi5.xml`, cmi5 section 13): one course and one assignable unit, the
 * lesson's video, launched from the package's launch page, moveOn "Completed" (a video is watched, never passed).
 * Text from the lesson is escaped; ids are IRIs.
 */
import { VIDEO_ACTIVITY_TYPE } from '../core/xapi-video.ts';
import { escapeXml } from './scorm-manifest.ts';

export interface Cmi5Description {
  /** The course's IRI; the AU's is it followed by `/video`. */
  courseId: string;
  title: string;
  description: string;
  language: string;
  /** The launch page's path in the package. */
  launchPage: string;
}

const langstring = (language: string, text: string) => `<langstring lang="${escapeXml(language)}">${escapeXml(text)}</langstring>`;

export const auId = (courseId: string) => `${courseId}/video`;

export function cmi5Structure(d: Cmi5Description): string {
  const texts = `
    <title>${langstring(d.language, d.title)}</title>
    <description>${langstring(d.language, d.description)}</description>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${escapeXml(d.courseId)}">${texts}
  </course>
  <au id="${escapeXml(auId(d.courseId))}" moveOn="Completed" launchMethod="AnyWindow" activityType="${VIDEO_ACTIVITY_TYPE}">${texts}
    <url>${escapeXml(d.launchPage)}</url>
  </au>
</courseStructure>
`;
}
