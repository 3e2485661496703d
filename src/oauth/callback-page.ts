// The script of the ready-made callback page (dist/oauth2-callback.html): it hands the result
// to the form that opened the popup and tells the user what happened if the window stays open.
import { completeOAuth2Redirect } from './complete-oauth2-redirect';

const result = completeOAuth2Redirect();
const note = document.getElementById('ck-callback-status');
if (note) {
  note.textContent = result.delivered ? 'Signed in. You can close this window.' : `This page could not finish signing in: ${result.reason}`;
}
