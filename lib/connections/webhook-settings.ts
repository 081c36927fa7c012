// How a connection's webhook deliveries are verified. Loaded (decrypted) from the connection by
// lib/connections; used by the webhook receiver. Types only: safe to import anywhere.
export type WebhookMode = "hmac" | "basic" | "header" | "none";

export type WebhookSettings = {
  connectionId: string;
  mode: WebhookMode;
  /** hmac: the signing secrets that verify, current first (the previous one during a rotation). */
  secrets: string[];
  /** basic */
  username?: string;
  password?: string;
  /** header: a custom header name/value sent verbatim by K-LINK. */
  headerName?: string;
  headerValue?: string;
};
