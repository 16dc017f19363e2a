// Original file: proto/benefits.proto


export interface ListTierBenefitsRequest {
  'tierIds'?: (string)[];
}

export interface ListTierBenefitsRequest__Output {
  'tierIds': (string)[];
}
