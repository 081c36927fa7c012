// What a failed form says at its top: the summary, every field error no control of the form
// shows (so none is lost), and the request id to quote. Nothing when there is no summary.
import { unplacedFieldErrors, type FormErrors } from "@/lib/console/form-errors";
import { Notice, RequestId } from "./notice";

export function FormErrorSummary({
  errors,
  title,
  shownFields = [],
}: {
  errors: FormErrors | null;
  title: string;
  shownFields?: readonly string[];
}) {
  if (!errors?.summary) return null;
  return (
    <Notice tone="error" title={title}>
      <p>{errors.summary}</p>
      {unplacedFieldErrors(errors, shownFields).map(([key, messages]) => (
        <p key={key}>
          {key}: {messages.join(" ")}
        </p>
      ))}
      {errors.requestId ? (
        <p>
          <RequestId id={errors.requestId} />
        </p>
      ) : null}
    </Notice>
  );
}
