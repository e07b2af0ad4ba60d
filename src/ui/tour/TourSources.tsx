import type { TourSource } from '../../tour';
import { loreLink } from '../../tour';
import { mailDate } from './verdict';

/** Who said it, when, in which mail: author, date, subject, message-id and its lore link. */
export function TourSources({ sources }: { sources: readonly TourSource[] }) {
  return (
    <details className="tour-sources" data-testid="tour-sources">
      <summary>Sources ({sources.length})</summary>
      <ul>
        {sources.map((s) => (
          <li key={`${s.messageId ?? s.subject} ${s.point}`}>
            {s.author}, <time dateTime={s.date}>{mailDate(s.date)}</time>: <cite>{s.subject}</cite>.{' '}
            {s.point}{' '}
            {s.messageId === undefined ? (
              <span className="muted">(no public message-id)</span>
            ) : (
              <a href={loreLink(s.messageId)} target="_blank" rel="noreferrer">
                &lt;{s.messageId}&gt;
              </a>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
