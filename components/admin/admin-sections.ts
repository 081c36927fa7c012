// The admin area's sections: its tabs, and pages the command palette offers admins.
export const ADMIN_SECTIONS = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/connections", label: "K-LINK connections" },
  { href: "/admin/keys", label: "API keys" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/destinations", label: "Forwarding" },
  { href: "/admin/drift", label: "K-LINK drift" },
] as const;
