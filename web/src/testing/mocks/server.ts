import { setupServer } from 'msw/node';

import { accountHandlers } from './account-handlers';
import { adminHandlers } from './admin-handlers';
import { boardHandlers } from './board-handlers';
import { clubHandlers } from './club-handlers';
import { handlers } from './handlers';
import { hospitalHandlers } from './hospital-handlers';
import { mediaHandlers } from './media-handlers';
import { memberHandlers } from './member-handlers';
import { moderationHandlers } from './moderation-handlers';
import { oauthHandlers } from './oauth-handlers';
import { socialHandlers } from './social-handlers';
import { trustHandlers } from './trust-handlers';

// The auth handlers come first: GET /members/me must win over GET /members/:memberId.
export const server = setupServer(...handlers, ...oauthHandlers, ...accountHandlers, ...memberHandlers, ...socialHandlers, ...mediaHandlers, ...adminHandlers, ...hospitalHandlers, ...trustHandlers, ...moderationHandlers, ...boardHandlers, ...clubHandlers);
