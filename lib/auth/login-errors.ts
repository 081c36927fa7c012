// The codes sign-in failures travel as (next-auth puts them in ?error=) and the messages the
// login page shows for them. Only known codes are shown, so a crafted link cannot put arbitrary
// text on the login page. Safe to import anywhere.
export const LOGIN_ERROR = {
  badCredentials: "CredentialsSignin",
  disabled: "AccountDisabled",
  throttled: "LoginThrottled",
  oidcEmailNotVerified: "OidcEmailNotVerified",
  oidcUnknownUser: "OidcUnknownUser",
  oidcDomainNotAllowed: "OidcDomainNotAllowed",
} as const;

export function throttledError(seconds: number): string {
  return `${LOGIN_ERROR.throttled}-${Math.max(1, Math.ceil(seconds))}`;
}

const SSO_FAILED = "Single sign-on did not complete. Try again, or sign in with your password.";

const MESSAGES: Record<string, string> = {
  [LOGIN_ERROR.badCredentials]: "Incorrect email or password.",
  [LOGIN_ERROR.disabled]: "This account is deactivated. Ask an administrator to reactivate it.",
  [LOGIN_ERROR.oidcEmailNotVerified]:
    "Your identity provider has not verified your e-mail address, so it cannot be matched to a console account.",
  [LOGIN_ERROR.oidcUnknownUser]:
    "There is no console account for this e-mail address. Ask an administrator to add you.",
  [LOGIN_ERROR.oidcDomainNotAllowed]:
    "Single sign-on to this console is not open to addresses at your e-mail domain. Ask an administrator.",
  AccessDenied: "This account may not sign in.",
  SessionRequired: "Sign in to continue.",
  OAuthSignin: SSO_FAILED,
  OAuthCallback: SSO_FAILED,
  OAuthCreateAccount: SSO_FAILED,
  Callback: SSO_FAILED,
  Configuration: SSO_FAILED,
};

export function loginErrorMessage(code: string | null | undefined): string | undefined {
  if (!code) return undefined;
  const throttled = new RegExp(`^${LOGIN_ERROR.throttled}-(\\d{1,6})$`).exec(code);
  if (throttled) return `Too many failed sign-ins. Try again in ${throttled[1]} s.`;
  return MESSAGES[code] ?? "Sign-in failed. Try again.";
}
