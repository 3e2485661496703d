// The OAuth2 redirect URL: the kit's callback page (it hands the code to the form's popup flow
// and closes itself), served with its strict Content-Security-Policy.
import { oauth2CallbackResponse } from 'connection-kit/oauth2-callback-page';

export const GET = () => oauth2CallbackResponse();
