/**
 * The two generated files of a SCORM package: `imsmanifest.xml` (SCORM 1.2 content packaging, or SCORM 2004 4th
 * edition) with one organization, one item and one SCO resource listing every file of the package; and the launch
 * page, which loads the library and turns the player's SCORM bridge on. Text from the lesson is escaped.
 */
export type PackageVersion = '1.2' | '2004';
/** What a package is for: a SCORM version, or cmi5. */
export type PackageFormat = PackageVersion | 'cmi5';

export interface PackageDescription {
  version: PackageFormat;
  /** The lesson's id (a slug): the manifest's identifiers derive from it. */
  lessonId: string;
  title: string;
  /** The lesson's language, for the launch page. */
  language: string;
  /** The lesson manifest's path inside the package. */
  lessonPath: string;
  /** Percentage of the lesson to watch for completion. */
  completeAt: number;
  /** Every file of the package but imsmanifest.xml, forward slashes. */
  files: readonly string[];
}

export const LAUNCH_PAGE = 'index.html';

export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
/** An href is a URI reference: each path segment percent-encoded, the slashes kept. */
const href = (path: string) => escapeXml(path.split('/').map(encodeURIComponent).join('/'));

const NAMESPACES: Record<PackageVersion, string> = {
  '1.2': `xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"`,
  '2004': `xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
          xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
          xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
          xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"`,
};

export function imsManifest(d: PackageDescription & { version: PackageVersion }): string {
  // Identifiers are XML IDs: a lesson id is a slug, which may start with a digit, hence the prefix.
  const id = `lesson-player-${d.lessonId}`;
  const title = escapeXml(d.title);
  const is2004 = d.version === '2004';
  const schemaVersion = is2004 ? '2004 4th Edition' : '1.2';
  // 2004: the platform may judge completion itself from the progress measure the lesson reports.
  const threshold = is2004 ? `\n        <adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="${(d.completeAt / 100).toFixed(2)}"/>` : '';
  const scormType = is2004 ? 'adlcp:scormType' : 'adlcp:scormtype';
  const files = d.files.map((f) => `      <file href="${href(f)}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1"
          ${NAMESPACES[d.version]}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${schemaVersion}</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${title}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${title}</title>${threshold}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" ${scormType}="sco" href="${LAUNCH_PAGE}">
${files}
    </resource>
  </resources>
</manifest>
`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

/** How the launch page turns the player's bridge on: SCORM's version, or cmi5 (the launch URL says the rest). */
const bridgeAttributes = (d: PackageDescription) => (d.version === 'cmi5' ? `cmi5 complete-at="${d.completeAt}"` : `scorm="${d.version}" scorm-complete-at="${d.completeAt}"`);

/** The launch page: no inline script or style, so that a platform's strict policy lets it run. */
export function launchPage(d: PackageDescription): string {
  return `<!doctype html>
<html lang="${escapeHtml(d.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(d.title)}</title>
<link rel="stylesheet" href="launch.css">
<script type="module" src="lib/lesson-player.js"></script>
</head>
<body>
<main>
<lesson-player lesson="${escapeHtml(d.lessonPath.split('/').map(encodeURIComponent).join('/'))}" ${bridgeAttributes(d)}></lesson-player>
</main>
</body>
</html>
`;
}

export const LAUNCH_CSS = `body {
  margin: 0;
  font-family: system-ui, sans-serif;
}
main {
  max-width: 80rem;
  margin: 0 auto;
  padding: 0.5rem;
}
`;
