// A user as Protection.getEditors() returns them: only the e-mail address is known offline.
import { markUnsupported } from "../api-surface";

export interface UserImpl extends Pick<GoogleAppsScript.Base.User, "getUserLoginId"> {}

export class UserImpl implements GoogleAppsScript.Base.User {
  constructor(private readonly email: string) {}

  getEmail(): string {
    return this.email;
  }
  /** Apps Script prints a User as its email (gas-fakes' live-tested test/testsession.js). */
  toString(): string {
    return this.email;
  }
}

markUnsupported(UserImpl, "User", ["getUserLoginId"]);
