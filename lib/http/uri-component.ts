// encodeURIComponent for any text: K-LINK or a user may have stored an id or name with a lone
// UTF-16 surrogate, on which encodeURIComponent throws (URIError) and would take a whole page or
// list down. Such a surrogate is encoded as U+FFFD instead; every other string as before.
export function uriComponent(value: string): string {
  return encodeURIComponent(value.toWellFormed());
}
