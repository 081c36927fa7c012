// Reading server-action form fields: an empty field means "not given" (keep the current value).
export function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

export function checked(form: FormData, name: string): boolean {
  return form.get(name) === "on";
}
