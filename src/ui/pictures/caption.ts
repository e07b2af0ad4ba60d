/** The lines under a picture: title, what and where, and the share link cut to the width. */
export interface CaptionInfo {
  title: string;
  view: string;
  variant: string;
  position: number;
  steps: number;
  version: string;
  link: string;
}

export const CAPTION_LINE = 15;
/** About the advance of one 10.5px monospace character. */
const CHAR = 6.4;

export function captionLines(c: CaptionInfo, width: number): { text: string; cls: string }[] {
  const per = Math.max(40, Math.floor(width / CHAR));
  const link: string[] = [];
  for (let i = 0; i < c.link.length; i += per) link.push(c.link.slice(i, i + per));
  return [
    { text: `luoscope: ${c.title}`, cls: 'pic-title' },
    {
      text: `${c.view} · variant ${c.variant} · step ${c.position} of ${c.steps} · luoscope ${c.version}`,
      cls: 'pic-meta',
    },
    { text: 'Share link (opens this work in luoscope):', cls: 'pic-meta' },
    ...link.map((text) => ({ text, cls: 'pic-link' })),
  ];
}
