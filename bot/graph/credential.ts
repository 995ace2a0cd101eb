/**
 * One way of getting Microsoft Graph tokens for every Graph call the bot makes (reminder
 * e-mail, the SharePoint workbook): the bot's own app registration with its client secret, or
 * its user-assigned managed identity. Application permissions are granted to that identity
 * (README, "Deploy to your tenant").
 */
import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { AppType } from '../config.js';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export interface GraphApp {
  readonly id?: string | undefined;
  readonly password?: string | undefined;
  readonly tenantId?: string | undefined;
  readonly type?: AppType | undefined;
}

/** Why no Graph token can be had with these settings, or undefined when one can. */
export function graphCredentialProblem(app: GraphApp): string | undefined {
  if (!app.id) return 'needs MicrosoftAppId (the app registration or managed identity Graph permissions are granted to)';
  if (app.type === 'UserAssignedMSI') return undefined;
  if (!app.password || !app.tenantId) return 'needs MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId (or MicrosoftAppType UserAssignedMSI)';
  return undefined;
}

/**
 * The credential for Graph: a user-assigned managed identity (MicrosoftAppType
 * UserAssignedMSI, MicrosoftAppId its client id) or the client secret of the app registration.
 * Throws a readable Error when neither is configured.
 */
export function graphCredential(app: GraphApp, authorityHost?: string): TokenCredential {
  const problem = graphCredentialProblem(app);
  if (problem) throw new Error(`Microsoft Graph ${problem}`);
  if (app.type === 'UserAssignedMSI') return new ManagedIdentityCredential({ clientId: app.id! });
  return new ClientSecretCredential(app.tenantId!, app.id!, app.password!, authorityHost ? { authorityHost } : {});
}
