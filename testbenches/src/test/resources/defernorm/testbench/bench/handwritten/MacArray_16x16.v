// Hand-written reference: the 16x16 MAC array with the bench design's ports, around MacArrayCore (MacArrayCore.v:
// column sums as 32-bit chains, or MacArrayCoreTree.v: as exact-width adder trees).
`timescale 1ns/1ps
`default_nettype none
module MacArray_16x16 (
    input wire clk,
    input wire rst,
    input wire [31:0] x_0,
    input wire [31:0] x_1,
    input wire [31:0] x_2,
    input wire [31:0] x_3,
    input wire x_valid,
    input wire clear,
    input wire w_we,
    input wire [3:0] w_row,
    input wire [127:0] w_data,
    output wire [31:0] acc_0,
    output wire [31:0] acc_1,
    output wire [31:0] acc_2,
    output wire [31:0] acc_3,
    output wire [31:0] acc_4,
    output wire [31:0] acc_5,
    output wire [31:0] acc_6,
    output wire [31:0] acc_7,
    output wire [31:0] acc_8,
    output wire [31:0] acc_9,
    output wire [31:0] acc_10,
    output wire [31:0] acc_11,
    output wire [31:0] acc_12,
    output wire [31:0] acc_13,
    output wire [31:0] acc_14,
    output wire [31:0] acc_15
);
    wire [7:0] x [0:15];
    wire [31:0] acc [0:15];
    assign x[0] = x_0[7:0], x[1] = x_0[15:8], x[2] = x_0[23:16], x[3] = x_0[31:24];
    assign x[4] = x_1[7:0], x[5] = x_1[15:8], x[6] = x_1[23:16], x[7] = x_1[31:24];
    assign x[8] = x_2[7:0], x[9] = x_2[15:8], x[10] = x_2[23:16], x[11] = x_2[31:24];
    assign x[12] = x_3[7:0], x[13] = x_3[15:8], x[14] = x_3[23:16], x[15] = x_3[31:24];
    assign acc_0 = acc[0], acc_1 = acc[1], acc_2 = acc[2], acc_3 = acc[3];
    assign acc_4 = acc[4], acc_5 = acc[5], acc_6 = acc[6], acc_7 = acc[7];
    assign acc_8 = acc[8], acc_9 = acc[9], acc_10 = acc[10], acc_11 = acc[11];
    assign acc_12 = acc[12], acc_13 = acc[13], acc_14 = acc[14], acc_15 = acc[15];
    MacArrayCore #(.P(16), .Q(16), .ROW_BITS(4)) core (
        .clk(clk), .rst(rst), .x(x), .x_valid(x_valid), .clear(clear),
        .w_we(w_we), .w_row(w_row), .w_data(w_data), .acc(acc)
    );
endmodule
`default_nettype wire
