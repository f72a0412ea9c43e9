// A refused command: the code and status go on the wire, the message is for a person.

export class HallError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HallError';
  }
}

export const refuse = (code: string, status: number, message: string): never => {
  throw new HallError(code, status, message);
};
