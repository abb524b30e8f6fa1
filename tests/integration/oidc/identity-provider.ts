import { generateKeyPairSync, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

/*
 * A real OpenID Connect provider (panva's oidc-provider, the certified implementation) on a
 * free local port, standing in for an organisation's Microsoft Entra ID in tests. Its login
 * page signs in whichever account the form names (no password); consent is automatic, as it
 * is for an organisation's own registered app.
 */

export type IdentityProviderAccount = {
  sub: string;
  email: string;
  email_verified?: boolean;
  name?: string;
  /** Entra's tenant id claim. */
  tid?: string;
};

export type IdentityProviderClient = { clientId: string; clientSecret: string; redirectUris: string[] };

export type IdentityProvider = {
  issuer: string;
  /** Serves this provider's discovery document under another path, as a misconfigured or hostile issuer would. */
  lookalikeIssuer: string;
  close: () => Promise<void>;
};

const SCOPE = "openid email profile";

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

export async function startIdentityProvider(options: {
  clients: IdentityProviderClient[];
  accounts: IdentityProviderAccount[];
}): Promise<IdentityProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map(options.accounts.map((account) => [account.sub, account]));
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });

  const provider = new Provider(issuer, {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    jwks: { keys: [{ ...signingKey, kid: "test-signing-key", use: "sig", alg: "RS256" }] },
    cookies: { keys: [randomBytes(16).toString("hex")] },
    claims: { openid: ["sub", "tid"], email: ["email", "email_verified"], profile: ["name"] },
    // Put the scope's claims in the id token (as Entra does), not only behind userinfo.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { methods: ["S256"], required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ ...account }) };
    },
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope(SCOPE);
      await grant.save();
      return grant;
    },
  });
  const handleProtocol = provider.callback();
  const lookalikePath = "/lookalike";

  server.on("request", (request: http.IncomingMessage, response: http.ServerResponse) => {
    void (async () => {
      const path = new URL(request.url ?? "/", issuer).pathname;
      if (path === `${lookalikePath}/.well-known/openid-configuration`) {
        // The real discovery document: its `issuer` is not the URL it was fetched from.
        const discovery = await fetch(`${issuer}/.well-known/openid-configuration`);
        response.writeHead(200, { "content-type": "application/json" }).end(await discovery.text());
      } else if (path.startsWith("/interaction/")) {
        await provider.interactionDetails(request, response); // throws unless this browser is mid-sign-in
        if (request.method === "POST") {
          const login = new URLSearchParams(await readBody(request)).get("login") ?? "";
          if (!accounts.has(login)) {
            response.writeHead(400, { "content-type": "text/plain" }).end("No such account");
            return;
          }
          await provider.interactionFinished(request, response, { login: { accountId: login } }, { mergeWithLastSubmission: false });
        } else {
          response
            .writeHead(200, { "content-type": "text/html" })
            .end('<form method="post"><label>Account <input name="login"></label><button>Sign in</button></form>');
        }
      } else {
        handleProtocol(request, response);
      }
    })().catch((error: unknown) => {
      response.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    });
  });

  return {
    issuer,
    lookalikeIssuer: `${issuer}${lookalikePath}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
