// What the first file hands the shell once it has asked: the session and the office's words.
// Its own file, so the shell and the app do not import the first file that loads them.
import type { Glossary, SessionUser } from '../src-main/api/contract';

export interface Start {
  session: { user: SessionUser | null; loginRequired: boolean; readOnly: string | null; seat: string | null };
  glossary: Glossary;
}
