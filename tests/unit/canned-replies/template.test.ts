import { describe, expect, it } from "vitest";
import { fillTemplate, templateProblems, unfilledVariables } from "../../../lib/canned-replies/template";

describe("canned reply templates", () => {
  it("accept the known variables, with or without spaces inside the braces", () => {
    expect(templateProblems("Hi {{contact.name}}, ticket #{{ ticket.number }} — {{agent.name}}")).toEqual([]);
  });

  it("name every unknown variable as an error", () => {
    const problems = templateProblems("Hi {{contact.nickname}} and {{ticket.owner}} and {{contact.name}}");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("{{contact.nickname}}");
    expect(problems[0]).toContain("{{ticket.owner}}");
    expect(problems[0]).not.toMatch(/Unknown variables? \{\{contact\.name\}\}/);
  });

  it("refuse a variable that is not closed", () => {
    expect(templateProblems("Hi {{contact.name")).toEqual([expect.stringContaining("not closed")]);
    expect(templateProblems("Hi contact.name}}")).toEqual([expect.stringContaining("not closed")]);
  });

  it("fill the variables that have a value and report the ones that have none", () => {
    const filled = fillTemplate("Dear {{contact.name}}, about #{{ticket.number}} ({{ticket.title}})", {
      "contact.name": "Aye Aye",
      "ticket.title": "Printer",
    });
    expect(filled.text).toBe("Dear Aye Aye, about #{{ticket.number}} (Printer)");
    expect(filled.missing).toEqual(["ticket.number"]);
  });

  it("never treat a value as a template itself", () => {
    const filled = fillTemplate("Hi {{contact.name}}", { "contact.name": "{{agent.email}}" });
    expect(filled.text).toBe("Hi {{agent.email}}");
  });

  it("find what still holds a variable in a message about to be sent", () => {
    expect(unfilledVariables("Thanks Aye, all done.")).toEqual([]);
    expect(unfilledVariables("About #{{ticket.number}}")).toEqual(["{{ticket.number}}"]);
    expect(unfilledVariables("Half {{open")).toEqual(["{{"]);
  });
});
