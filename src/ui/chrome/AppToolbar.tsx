import { EditorToggle } from '../editor/EditorToggle';
import { PictureMenu } from '../pictures/PictureMenu';
import { ShareBar } from '../share/ShareBar';
import { SwitchPanel } from '../SwitchPanel';
import { TourLauncher } from '../tour/TourLauncher';
import { PresentLink } from './PresentLink';
import { ShortcutButton } from './ShortcutButton';
import { ToolbarMenu } from './ToolbarMenu';

/**
 * The tools not needed at every step, in one row: the tour, the editor, the advanced switches
 * and a menu for links and files. More tools go here as buttons or as a ToolbarMenu.
 */
export function AppToolbar() {
  return (
    <div className="app-toolbar" role="group" aria-label="Tools">
      <TourLauncher />
      <EditorToggle />
      <SwitchPanel />
      <ToolbarMenu label="Share and files" testId="share-menu" align="end">
        <ShareBar />
      </ToolbarMenu>
      <PictureMenu />
      <PresentLink />
      <ShortcutButton />
    </div>
  );
}
