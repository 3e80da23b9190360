/** Where the user is in the app; screens navigate by setting a route (no URL routing needed). */
export type DataTab = 'users' | 'mfa' | 'policies' | 'signins' | 'groups' | 'apps' | 'devices';

export type Route =
  | { screen: 'connect' }
  | { screen: 'preflight' }
  | { screen: 'collection'; jobId?: string }
  | { screen: 'overview' }
  | { screen: 'checks'; checkId?: string }
  | { screen: 'user'; userId: string; back?: Route }
  | { screen: 'data'; tab: DataTab }
  | { screen: 'compliance' }
  | { screen: 'export' }
  | { screen: 'diff' };

export type Navigate = (route: Route) => void;
