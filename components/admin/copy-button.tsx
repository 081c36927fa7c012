"use client";
// Copies a value (a webhook URL, a new API key) to the clipboard and says so in a live region.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import ui from "@/components/ui/ui.module.css";

export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [said, setSaid] = useState("");
  return (
    <>
      <Button
        size="small"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(value);
            setSaid("Copied to the clipboard.");
          } catch {
            setSaid("The browser did not allow copying: select the text and copy it yourself.");
          }
          setTimeout(() => setSaid(""), 4_000);
        }}
      >
        {label}
      </Button>
      <span role="status" className={said.startsWith("Copied") ? ui.srOnly : ui.fieldError}>
        {said}
      </span>
    </>
  );
}
