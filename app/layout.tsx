import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Klink Console", template: "%s · Klink Console" },
  description: "Staff console for K-LINK customer support",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
