// Original file: proto/member.proto


export interface ListBirthdaysRequest {
  /**
   * "MM-DD", e.g. "11-30"; a job on 28 February of a common year also asks for "02-29".
   */
  'monthDays'?: (string)[];
  'afterMemberId'?: (string);
  /**
   * 1–1000.
   */
  'limit'?: (number);
}

export interface ListBirthdaysRequest__Output {
  /**
   * "MM-DD", e.g. "11-30"; a job on 28 February of a common year also asks for "02-29".
   */
  'monthDays': (string)[];
  'afterMemberId': (string);
  /**
   * 1–1000.
   */
  'limit': (number);
}
