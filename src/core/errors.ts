/** A problem the person can fix; its message is shown to them in chat as it is. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
