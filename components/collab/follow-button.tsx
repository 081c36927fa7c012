"use client";
// Follow a ticket or contact: its K-LINK events then reach the bell. A toggle button.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { consoleApi } from "@/lib/console/console-api";

export function FollowButton({
  connectionId,
  record,
  label,
  contactId,
  initiallyFollowing,
}: {
  connectionId: string;
  record: string;
  label: string;
  contactId?: string | null;
  initiallyFollowing: boolean;
}) {
  const [following, setFollowing] = useState(initiallyFollowing);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span>
      <Button
        size="small"
        aria-pressed={following}
        disabled={pending}
        data-testid="follow-button"
        onClick={async () => {
          setPending(true);
          setError(null);
          const answer = await consoleApi<{ following: boolean }>("/api/follows", {
            method: "POST",
            body: {
              connection: connectionId,
              record,
              label,
              ...(contactId ? { contactId } : {}),
              following: !following,
            },
          });
          setPending(false);
          if (answer.ok) setFollowing(answer.data.following);
          else setError(answer.error.message);
        }}
      >
        {following ? "Following" : "Follow"}
      </Button>
      {error ? <span role="alert"> {error}</span> : null}
    </span>
  );
}
