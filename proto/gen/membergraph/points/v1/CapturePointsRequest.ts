// Original file: proto/points.proto


export interface CapturePointsRequest {
  'holdKey'?: (string);
}

export interface CapturePointsRequest__Output {
  'holdKey': (string);
}
