import { setupServer } from 'msw/node';

import { handlers } from './handlers';
import { mediaHandlers } from './media-handlers';
import { memberHandlers } from './member-handlers';
import { socialHandlers } from './social-handlers';

// The auth handlers come first: GET /members/me must win over GET /members/:memberId.
export const server = setupServer(...handlers, ...memberHandlers, ...socialHandlers, ...mediaHandlers);
